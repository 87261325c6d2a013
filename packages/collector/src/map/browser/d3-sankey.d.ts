/** The part of d3-sankey 0.12's API the flow diagram uses (the package ships no types). */
declare module 'd3-sankey' {
  export interface SankeyNode {
    x0?: number;
    x1?: number;
    y0?: number;
    y1?: number;
    value?: number;
    fixedValue?: number;
    layer?: number;
  }
  export interface SankeyLink<N> {
    source: N | string;
    target: N | string;
    value: number;
    width?: number;
    y0?: number;
    y1?: number;
  }
  export interface SankeyLayout<N extends SankeyNode, L extends SankeyLink<N>> {
    (graph: { nodes: N[]; links: L[] }): { nodes: (N & Required<SankeyNode>)[]; links: (L & { source: N & Required<SankeyNode>; target: N & Required<SankeyNode>; width: number; y0: number; y1: number })[] };
    nodeId(id: (node: N) => string): this;
    nodeAlign(align: (node: N, columns: number) => number): this;
    nodeSort(sort: ((a: N, b: N) => number) | null): this;
    nodeWidth(width: number): this;
    nodePadding(padding: number): this;
    extent(extent: [[number, number], [number, number]]): this;
    iterations(iterations: number): this;
  }
  export function sankey<N extends SankeyNode, L extends SankeyLink<N>>(): SankeyLayout<N, L>;
  export function sankeyLinkHorizontal(): (link: unknown) => string | null;
}

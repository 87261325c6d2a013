/**
 * The flow diagram as a file: its SVG as drawn (colours and fonts are attributes, so the file
 * looks the same outside the page), or a PNG painted from that SVG at twice its size. Both
 * are data: URLs, which the page's CSP allows for images; nothing leaves the browser.
 */
export function svgDataUrl(target: SVGSVGElement): string {
  const text = new XMLSerializer().serializeToString(target);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}

export async function pngDataUrl(target: SVGSVGElement): Promise<string> {
  const width = Number(target.getAttribute('width'));
  const height = Number(target.getAttribute('height'));
  const image = new Image();
  image.src = svgDataUrl(target);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}

export function download(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

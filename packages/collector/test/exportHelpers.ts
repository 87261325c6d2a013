import { call } from './helpers.ts';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The `next` URL of a Link header, or undefined. */
export function nextLink(response: Response): string | undefined {
  return response.headers.get('Link')?.match(/^<([^>]+)>; rel="next"$/)?.[1];
}

/** Follows the Link headers from `path`; returns every page's body and response. */
export async function walkPages(path: string, token: string): Promise<{ bodies: string[]; pages: number }> {
  const bodies: string[] = [];
  let url: string | undefined = path;
  while (url) {
    const response: Response = await call(url.replace('https://collector.example', ''), { headers: bearer(token) });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    bodies.push(await response.text());
    url = nextLink(response);
  }
  return { bodies, pages: bodies.length };
}

export function parseNdjson(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A strict RFC 4180 reader (CRLF records, quoted cells with doubled quotes), written apart from the exporter. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      while (true) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted cell');
        cell += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      const stop = end < 0 ? text.length : i + end;
      cell = text.slice(i, stop);
      if (/["\r\n]/.test(cell)) throw new Error(`bare quote or newline in unquoted cell ${JSON.stringify(cell)}`);
      i = stop;
    }
    record.push(cell);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** CSV records as objects keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

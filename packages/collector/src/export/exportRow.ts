/** An events row as export and reports read it. */
export interface ExportRow {
  id: string;
  ts: number;
  received_delay: number;
  type: string;
  stage: number;
  visitor: string;
  session: string;
  user_id: string | null;
  url: string;
  referrer: string | null;
  channel: string | null;
  search_engine: string | null;
  country: string | null;
  device: string | null;
  props: string | null;
  /** The visitor's primary persona now (export only). */
  persona?: string | null;
}

export const EXPORT_COLUMNS =
  'id, ts, received_delay, type, stage, visitor, session, user_id, url, referrer, channel, search_engine, country, device, props';

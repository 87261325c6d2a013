/** The Worker's bindings: generated `Env` (wrangler types) plus the admin secret. */
export type Bindings = Env & {
  /** Bearer token of the admin API; a Worker secret (`.dev.vars` locally). */
  ADMIN_TOKEN?: string;
};

export interface AppEnv {
  Bindings: Bindings;
}

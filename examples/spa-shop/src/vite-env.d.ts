interface ImportMetaEnv {
  readonly VITE_WAYMARK_SITE?: string;
  readonly VITE_WAYMARK_ENDPOINT?: string;
}

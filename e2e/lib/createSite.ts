/** Creates a site through the collector's admin API, as a shop owner would. */
export async function createSite(collector: string, adminToken: string, origins: string[]): Promise<{ site: string; export_token: string }> {
  const response = await fetch(`${collector}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'E2E shop', origins }),
  });
  if (response.status !== 201) throw new Error(`site creation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { site: string; export_token: string };
}

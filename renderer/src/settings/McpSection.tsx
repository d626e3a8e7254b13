/**
 * Settings → "Use Delve from an AI agent (MCP)": the client configuration of main/engine/mcp/README.md
 * with this installation's bin/delve.js and the app's library filled in (from the host's mcpSetup),
 * read-only, with a Copy button. When the host cannot say (packaged app, older host) the README's
 * placeholders stay and a note says so.
 */
import { useEffect, useState } from 'react';
import { api, unwrap, type McpSetup } from '../api.js';
import { CopyButton } from '../pubmed/CopyButton.js';

export const CLI_PLACEHOLDER = '/path/to/delve/bin/delve.js';

/** The `mcpServers` entry a client (Claude Desktop's claude_desktop_config.json and others) takes. */
export function mcpSnippet(setup: { cli: string | null; dbPath: string | null }): string {
  const args = [setup.cli ?? CLI_PLACEHOLDER, 'mcp', ...(setup.dbPath ? ['--db', setup.dbPath] : [])];
  return JSON.stringify({ mcpServers: { delve: { command: 'node', args } } }, null, 2);
}

export function McpSection() {
  const [setup, setSetup] = useState<McpSetup | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    unwrap(api().mcpSetup()).then((s) => { if (live) setSetup(s); }, () => { if (live) setFailed(true); });
    return () => { live = false; };
  }, []);

  const snippet = mcpSnippet({ cli: setup?.cli ?? null, dbPath: setup?.dbPath ?? null });
  return (
    <section className="settings-section" aria-labelledby="settings-mcp">
      <h3 id="settings-mcp">Use Delve from an AI agent (MCP)</h3>
      <p className="settings-note">
        Add this to your MCP client&apos;s configuration (Claude Desktop: claude_desktop_config.json). The server is read-only;
        add &quot;--allow-writes&quot; to the arguments to let the agent add evidence to collections.
      </p>
      <pre className="settings-mono settings-snippet" aria-label="MCP client configuration">{snippet}</pre>
      <div className="settings-row">
        <CopyButton text={snippet} label="Copy the MCP configuration" />
        {setup?.cli === null && <span className="settings-note">Replace {CLI_PLACEHOLDER} with where the Delve command line is installed.</span>}
        {failed && <span className="settings-note">The paths could not be read; replace the placeholders.</span>}
      </div>
    </section>
  );
}

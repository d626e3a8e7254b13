/** Settings → MCP: the README's client snippet with this installation's paths, copied as shown. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
// A document's text, not code: the snippet must stay the one the MCP README shows.
// eslint-disable-next-line import-x/no-restricted-paths
import readme from '../../../main/engine/mcp/README.md?raw';
import { fakeApi } from '../test/fakeApi.js';
import { CLI_PLACEHOLDER, McpSection, mcpSnippet } from './McpSection.js';

const shown = () => screen.getByLabelText('MCP client configuration').textContent ?? '';

describe('McpSection', () => {
  it('composes the same configuration as the MCP README', () => {
    const block = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeTruthy();
    expect(JSON.parse(mcpSnippet({ cli: CLI_PLACEHOLDER, dbPath: '/home/me/research/lib.db' }))).toEqual(JSON.parse(block!));
  });

  it('shows the real bin/delve.js and library, and copies exactly that', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    window.delve = fakeApi({ mcpSetup: async () => ({ cli: '/home/me/delve/bin/delve.js', dbPath: '/home/me/.config/Delve/delve.db' }) }).api;
    render(<McpSection />);
    expect(screen.getByRole('heading', { name: 'Use Delve from an AI agent (MCP)' })).toBeTruthy();
    await screen.findByText(/\/home\/me\/delve\/bin\/delve\.js/);
    expect(JSON.parse(shown())).toEqual({
      mcpServers: { delve: { command: 'node', args: ['/home/me/delve/bin/delve.js', 'mcp', '--db', '/home/me/.config/Delve/delve.db'] } },
    });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Copy the MCP configuration' })); });
    expect(writeText).toHaveBeenCalledWith(shown());
    expect(screen.getByRole('button', { name: 'Copy the MCP configuration' }).textContent).toBe('Copied');
  });

  it('keeps the placeholder and says so when the app is packaged without the command line', async () => {
    window.delve = fakeApi({ mcpSetup: async () => ({ cli: null, dbPath: '/data/delve.db' }) }).api;
    render(<McpSection />);
    await screen.findByText(/Replace \/path\/to\/delve\/bin\/delve\.js/);
    expect(JSON.parse(shown()).mcpServers.delve.args).toEqual([CLI_PLACEHOLDER, 'mcp', '--db', '/data/delve.db']);
  });
});

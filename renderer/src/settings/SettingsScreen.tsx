/**
 * The Settings screen: Ollama, the embedding model, chunking, PubMed, appearance, your data and backups, and the MCP client snippet. Loads the
 * saved settings (and applies their theme), edits a copy, and "Save" sends only the changed fields;
 * the host's validation errors (BAD_ARGUMENT) show under the fields they name.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, unwrap, type Settings, type SettingsPatch } from '../api.js';
import { applyTheme } from '../app/theme.js';
import { AppearanceSection, ChunkingSection, PubmedSection } from './BasicSections.js';
import { BackupsSection } from './BackupsSection.js';
import { McpSection } from './McpSection.js';
import { RankingSection } from './RankingSection.js';
import { EmbeddingSection } from './EmbeddingSection.js';
import { OcrSection } from './OcrSection.js';
import { OllamaSection } from './OllamaSection.js';
import { diffSettings, fieldErrors, localErrors, mergeSettings, patchPaths, withoutPaths, type FieldErrors } from './patch.js';
import './SettingsScreen.css';

export function SettingsScreen() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const s = await unwrap(api().getSettings());
      setSaved(s);
      setDraft(s);
      setLoadError(null);
      applyTheme(s.theme);
    } catch (e) {
      const err = e as { code?: string; message: string };
      setLoadError(`${err.code ?? 'ERROR'}: ${err.message}`);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const update = useCallback((patch: SettingsPatch) => {
    setDraft((d) => (d ? mergeSettings(d, patch) : d));
    setServerErrors((e) => withoutPaths(e, patchPaths(patch)));
    setSavedNote(false);
  }, []);

  const patch = useMemo(() => (saved && draft ? diffSettings(saved, draft) : {}), [saved, draft]);
  const local = useMemo(() => (draft ? localErrors(draft) : {}), [draft]);
  const changed = Object.keys(patch).length > 0;
  const errors = { ...serverErrors, ...local };

  const save = async () => {
    if (!changed || Object.keys(local).length > 0) return;
    setSaving(true);
    setSaveError(null);
    setServerErrors({});
    try {
      const s = await unwrap(api().setSettings(patch));
      setSaved(s);
      setDraft(s);
      setSavedNote(true);
      applyTheme(s.theme);
    } catch (e) {
      const err = e as { code?: string; message: string };
      if (err.code === 'BAD_ARGUMENT') {
        const fe = fieldErrors(err.message);
        setServerErrors(fe);
        setSaveError(fe[''] ? `BAD_ARGUMENT: ${fe['']}` : 'Some fields are not valid; see the messages under them.');
      } else {
        setSaveError(`${err.code ?? 'ERROR'}: ${err.message}`);
      }
    } finally {
      setSaving(false);
    }
  };

  if (loadError) {
    return (
      <div className="settings">
        <h2>Settings</h2>
        <p className="error" role="alert">Could not load the settings — {loadError}</p>
        <button type="button" onClick={() => void load()}>Try again</button>
      </div>
    );
  }
  if (!saved || !draft) return <div className="settings"><h2>Settings</h2><p className="settings-note">Loading settings…</p></div>;

  return (
    <form className="settings" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <h2>Settings</h2>
      <OllamaSection draft={draft} saved={saved} errors={errors} update={update} />
      <EmbeddingSection draft={draft} errors={errors} update={update} />
      <ChunkingSection draft={draft} errors={errors} update={update} />
      <RankingSection draft={draft} errors={errors} update={update} />
      <OcrSection draft={draft} update={update} />
      <PubmedSection draft={draft} errors={errors} update={update} />
      <AppearanceSection draft={draft} update={update} />
      <BackupsSection />
      <McpSection />
      <div className="settings-savebar">
        <button type="submit" className="primary" disabled={!changed || saving || Object.keys(local).length > 0}>{saving ? 'Saving…' : 'Save'}</button>
        <button type="button" disabled={!changed || saving} onClick={() => { setDraft(saved); setServerErrors({}); setSaveError(null); }}>Discard changes</button>
        <span role="status" className="settings-note">
          {savedNote && !changed ? 'Saved' : changed ? 'Unsaved changes' : ''}
        </span>
        {saveError && <span className="error" role="alert">{saveError}</span>}
      </div>
    </form>
  );
}

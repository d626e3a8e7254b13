/**
 * Settings → OCR: whether scanned PDF pages are read by OCR (offline, after the text layers), with
 * which language data — Tesseract's installed on this computer where it has the chosen languages
 * (the default), or the data bundled with Delve — and in which languages: those of the chosen data
 * (`ocrLanguageSources`; with the default, both sources'). At least one language stays chosen. An option (off by default) also OCRs pages whose text layer is garbage (a
 * scanner's bad OCR layer, fonts without a usable Unicode map), their OCR text used instead. Changes
 * apply to the next index run; pages already read keep their text.
 */
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api.js';
import type { OcrLanguageSources } from '../api.js';
import type { SectionProps } from './OllamaSection.js';

const NAMES: Record<string, string> = {
  eng: 'English', fra: 'French', deu: 'German', spa: 'Spanish', ita: 'Italian', por: 'Portuguese', nld: 'Dutch',
  chi_sim: 'Chinese (simplified)', chi_tra: 'Chinese (traditional)', jpn: 'Japanese', rus: 'Russian', ara: 'Arabic',
};

export function OcrSection({ draft, update }: Omit<SectionProps, 'saved' | 'errors'>) {
  const [sources, setSources] = useState<OcrLanguageSources | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api().ocrLanguageSources()).then((l) => { if (live) setSources(l); }, () => { if (live) setSources({ bundled: [], system: [], systemFolders: [] }); });
    return () => { live = false; };
  }, []);
  const on = draft.ocr.enabled !== false;
  const chosen = draft.ocr.languages;
  const bundledOnly = draft.ocr.data === 'bundled';
  const offered = bundledOnly ? sources?.bundled ?? [] : [...(sources?.system ?? []), ...(sources?.bundled ?? [])];
  const langs = [...new Set([...offered, ...chosen])].sort();
  const chooseBundled = () => {
    const kept = chosen.filter((c) => sources === null || sources.bundled.includes(c));
    const languages = kept.length > 0 ? kept : ['eng'];
    update({ ocr: { data: 'bundled', ...(languages.join('+') !== chosen.join('+') ? { languages } : {}) } });
  };
  const system = sources === null ? '' : sources.system.length === 0
    ? 'None found on this computer, so Delve\'s bundled data is used.'
    : `Here: ${sources.system.join(', ')} in ${sources.systemFolders.join(', ')}.`;
  const toggle = (code: string, checked: boolean) => {
    const next = checked ? [...chosen, code] : chosen.filter((c) => c !== code);
    if (next.length > 0) update({ ocr: { languages: langs.filter((l) => next.includes(l)) } });
  };
  return (
    <section className="settings-section" aria-labelledby="settings-ocr">
      <h3 id="settings-ocr">OCR</h3>
      <p className="settings-note">Scanned PDF pages (images without text) are read offline after the text of every file is indexed. Changes apply from the next index run.</p>
      <label className="settings-switch">
        <input type="checkbox" checked={on} onChange={(e) => update({ ocr: { enabled: e.target.checked } })} />
        Read scanned pages with OCR
      </label>
      <label className="settings-switch">
        <input type="checkbox" checked={draft.ocr.garbageText} disabled={!on} onChange={(e) => update({ ocr: { garbageText: e.target.checked } })} />
        Also OCR pages whose text layer is garbage (a bad OCR layer from a scanner, fonts without a usable character map); the OCR text replaces it
      </label>
      <fieldset className="settings-radios" disabled={!on}>
        <legend>Language data</legend>
        <label>
          <input type="radio" name="settings-ocr-data" checked={!bundledOnly} onChange={() => update({ ocr: { data: 'auto' } })} />
          <span>Tesseract&apos;s, installed on this computer, where it has the languages (default)<br /><span className="settings-note">{system}</span></span>
        </label>
        <label>
          <input type="radio" name="settings-ocr-data" checked={bundledOnly} onChange={chooseBundled} />
          <span>Delve&apos;s bundled<br /><span className="settings-note">{(sources?.bundled ?? []).join(', ')}</span></span>
        </label>
      </fieldset>
      <fieldset className="settings-radios" disabled={!on}>
        <legend>Languages of the scans</legend>
        {langs.map((code) => (
          <label key={code}>
            <input type="checkbox" checked={chosen.includes(code)} disabled={chosen.length === 1 && chosen.includes(code)}
              onChange={(e) => toggle(code, e.target.checked)} />
            {NAMES[code] ?? code} <span className="muted">({code})</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

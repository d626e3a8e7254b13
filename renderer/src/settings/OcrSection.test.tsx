/** Settings → OCR: on/off, the language data and the installed languages, saved as one patch; the last language cannot be unchosen. */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Settings, SettingsPatch } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { mergeSettings } from './patch.js';
import { SettingsScreen } from './SettingsScreen.js';
import { SETTINGS } from './testFixtures.js';

describe('Settings → OCR', () => {
  it('offers the installed languages, turns OCR off, adds French, and saves just that', async () => {
    let stored: Settings = SETTINGS;
    const f = fakeApi({
      getSettings: async () => stored,
      setSettings: async (p: SettingsPatch) => { stored = mergeSettings(stored, p); return stored; },
      ocrLanguageSources: async () => ({ bundled: ['eng', 'fra'], system: ['eng'], systemFolders: ['/usr/share/tesseract-ocr/5/tessdata'] }),
      models: async () => [],
      embeddingStatus: async () => null,
    });
    window.delve = f.api;
    render(<SettingsScreen />);
    const on = await screen.findByLabelText('Read scanned pages with OCR') as HTMLInputElement;
    expect(on.checked).toBe(true);
    const english = await screen.findByRole('checkbox', { name: /English/ }) as HTMLInputElement;
    const french = await screen.findByRole('checkbox', { name: /French/ }) as HTMLInputElement;
    expect([english.checked, english.disabled, french.checked]).toEqual([true, true, false]);
    fireEvent.click(french);
    expect(english.disabled).toBe(false);
    fireEvent.click(on);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(f.calls.find((c) => c.name === 'setSettings')?.args).toEqual([{ ocr: { enabled: false, languages: ['eng', 'fra'] } }]);
    expect(stored.ocr).toEqual({ enabled: false, languages: ['eng', 'fra'], garbageText: false, data: 'auto' });
  });

  it('turns on OCR of pages with a garbage text layer (off by default, only while OCR is on)', async () => {
    let stored: Settings = SETTINGS;
    const f = fakeApi({
      getSettings: async () => stored,
      setSettings: async (p: SettingsPatch) => { stored = mergeSettings(stored, p); return stored; },
      ocrLanguageSources: async () => ({ bundled: ['eng'], system: [], systemFolders: [] }),
      models: async () => [],
      embeddingStatus: async () => null,
    });
    window.delve = f.api;
    render(<SettingsScreen />);
    const garbage = await screen.findByRole('checkbox', { name: /text layer is garbage/ }) as HTMLInputElement;
    expect([garbage.checked, garbage.disabled]).toEqual([false, false]);
    fireEvent.click(garbage);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(f.calls.find((c) => c.name === 'setSettings')?.args).toEqual([{ ocr: { garbageText: true } }]);
    expect(stored.ocr.garbageText).toBe(true);
    fireEvent.click(screen.getByLabelText('Read scanned pages with OCR'));
    expect(garbage.disabled).toBe(true);
  });

  it('language data: Tesseract\'s where it has the languages by default (its languages offered too), or Delve\'s bundled', async () => {
    let stored: Settings = { ...SETTINGS, ocr: { ...SETTINGS.ocr, languages: ['eng', 'deu'] } };
    const f = fakeApi({
      getSettings: async () => stored,
      setSettings: async (p: SettingsPatch) => { stored = mergeSettings(stored, p); return stored; },
      ocrLanguageSources: async () => ({ bundled: ['eng', 'fra'], system: ['deu', 'eng'], systemFolders: ['/usr/share/tesseract-ocr/5/tessdata'] }),
      models: async () => [],
      embeddingStatus: async () => null,
    });
    window.delve = f.api;
    render(<SettingsScreen />);
    const auto = await screen.findByRole('radio', { name: /Tesseract's, installed on this computer/ }) as HTMLInputElement;
    await screen.findByText('Here: deu, eng in /usr/share/tesseract-ocr/5/tessdata.');
    const bundled = screen.getByRole('radio', { name: /Delve's bundled/ }) as HTMLInputElement;
    expect([auto.checked, bundled.checked]).toEqual([true, false]);
    expect(screen.getAllByRole('checkbox', { name: /\((deu|eng|fra)\)/ }).map((c) => c.getAttribute('aria-label') ?? c.parentElement?.textContent)).toEqual(['German (deu)', 'English (eng)', 'French (fra)']);
    fireEvent.click(bundled);
    expect(screen.queryByRole('checkbox', { name: /German/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(f.calls.find((c) => c.name === 'setSettings')?.args).toEqual([{ ocr: { data: 'bundled', languages: ['eng'] } }]);
    expect(stored.ocr).toEqual({ enabled: null, languages: ['eng'], garbageText: false, data: 'bundled' });
  });
});

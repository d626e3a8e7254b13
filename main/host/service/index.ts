/**
 * The engine service the Electron utility process (engine-server.ts) and the browser test bridge
 * serve: one async function per engine method (engine-protocol.ts). It keeps the settings, opens the
 * engine lazily with them (engine.ts), runs the cancellable jobs (jobs.ts) and the PubMed, model
 * and LLM calls, and sends their progress through `emit`.
 */
import { resolveConfig } from '../../engine/config.js';
import { watchBackups } from '../../engine/index.js';
import type { EngineEvent, EngineServerConfig, EngineService } from '../engine-protocol.js';
import { documentBytes } from './documents.js';
import { engineHolder, type OpenEngine } from './engine.js';
import { toEngineConfig } from './engine-config.js';
import { jobCalls } from './jobs.js';
import { cachedHealth, llmHealth, llmPull } from './llm.js';
import { modelImport, modelPull, models } from './models.js';
import { eutilsOf, pubmedCheck, pubmedDraft, pubmedImport } from './pubmed.js';
import { pubmedSearch } from './pubmed-search.js';
import { trialsCheck, trialsDraft, trialsImport, trialsSearch } from './trials.js';
import { strategyCounts, translateStrategy } from '../../engine/app/strategy.js';
import { defaultSettings, loadSettings, mergeSettings, sanitize, saveSettings } from './settings.js';
import { languageSources } from '../../engine/app/ocr.js';
import { appStatus } from './status.js';
import { backupCalls } from './backups.js';

export interface EngineServiceOptions {
  config: EngineServerConfig;
  emit(e: EngineEvent): void;
  /** Opens the engine (default createEngine); tests pass their own. */
  openEngine?: OpenEngine;
}

export function createEngineService(opts: EngineServiceOptions): EngineService {
  const { config, emit } = opts;
  let { settings, stored } = loadSettings(config.dataDir, config.catalogDir);
  const engine = engineHolder(toEngineConfig(config, settings), opts.openEngine);
  /**
   * What is installed decides the embedding config too: recomputed after settings change and model
   * pulls. Until the user saves settings, the defaults follow what is installed (the default model).
   */
  const reconfigure = () => {
    if (!stored) settings = loadSettings(config.dataDir, config.catalogDir).settings;
    engine.configure(toEngineConfig(config, settings));
  };
  const jobs = jobCalls(engine, emit, () => settings.ollama.host);
  // Every backup this process writes or removes, whoever made it (the engine's automatic snapshot, a copy
  // before an upgrade, the commands below), tells the window its list is stale.
  const unwatch = watchBackups(config.dbPath, (payload) => emit({ type: 'event', name: 'backups:changed', payload }));
  const health = cachedHealth();

  return {
    index: jobs.index,
    importReferences: jobs.importReferences,
    cancelIndex: jobs.cancelIndex,
    search: (query, o) => jobs.search(query, { ...o, k: o?.k ?? 10 }),
    cancelSearch: jobs.cancelSearch,
    roots: () => engine.use((e) => e.roots()),
    removeRoot: (path) => engine.use((e) => e.removeRoot(path)),
    status: () => engine.use((e) => e.status()),
    appStatus: () => engine.use((e) => appStatus(e, health.get(settings), jobs.indexing())),
    document: (docId) => engine.use((e) => e.document(docId)),
    documentBytes: (docId) => engine.use((e) => documentBytes(e, docId)),
    updateMetadata: (docId, patch) => engine.use((e) => e.updateMetadata(docId, patch)),
    history: (limit) => engine.use((e) => e.history(limit)),
    collections: () => engine.use((e) => e.collections()),
    createCollection: (name, description) => engine.use((e) => e.createCollection(name, description)),
    addEvidence: (collection, target, fields) => engine.use((e) => e.addEvidence(collection, target, fields)),
    evidence: (collection, sort, order) => engine.use((e) => e.evidence(collection, sort, order)),
    exportCollection: (collection, format) => engine.use((e) => e.exportCollection(collection, format)),
    // Review editing (issue 24)
    updateEvidence: (id, edit) => engine.use((e) => e.updateEvidence(id, edit)),
    removeEvidence: (id) => engine.use((e) => e.removeEvidence(id)),
    restoreEvidence: (id) => engine.use((e) => e.restoreEvidence(id)),
    moveEvidence: (id, index) => engine.use((e) => e.moveEvidence(id, index)),
    renameCollection: (name, to) => engine.use((e) => e.renameCollection(name, to)),
    duplicateCollection: (name, to) => engine.use((e) => e.duplicateCollection(name, to)),
    deleteCollection: (name) => engine.use((e) => e.deleteCollection(name)),
    deletedCollections: () => engine.use((e) => e.deletedCollections()),
    restoreCollection: (id) => engine.use((e) => e.restoreCollection(id)),
    pubmedDraft: async (request) => pubmedDraft(settings, request),
    pubmedCheck: async (query) => pubmedCheck(query),
    pubmedSearch: (query, o) => pubmedSearch(settings, engine, query, o),
    pubmedImport: (pmids) => pubmedImport(settings, engine, pmids),
    trialsDraft: async (request) => trialsDraft(settings, request),
    trialsCheck: async (query) => trialsCheck(query),
    trialsSearch: (query, o) => trialsSearch(engine, query, o),
    trialsImport: (ids) => trialsImport(engine, ids),
    strategyTranslate: async (text, to) => translateStrategy(text, to),
    strategyCounts: (text) => strategyCounts(text, eutilsOf(settings)),
    ...backupCalls(config, engine, {
      current: () => structuredClone(settings) as unknown as Record<string, unknown>,
      adopt(raw) {
        if (stored) return false;
        settings = sanitize(raw, defaultSettings(config.dataDir, config.catalogDir));
        saveSettings(config.dataDir, settings);
        stored = true;
        reconfigure();
        return true;
      },
    }),
    getSettings: async () => structuredClone(settings),
    ocrLanguageSources: async () => languageSources(),
    async setSettings(patch) {
      const next = mergeSettings(settings, patch);
      resolveConfig(toEngineConfig(config, next)); // BAD_ARGUMENT for chunking the engine refuses
      saveSettings(config.dataDir, next);
      settings = next;
      stored = true;
      health.clear();
      reconfigure();
      return structuredClone(settings);
    },
    llmHealth: () => llmHealth(settings),
    llmPull: (model) => llmPull(settings, model, emit).finally(() => health.clear()),
    models: async () => models(config),
    embeddingStatus: () => engine.use((e) => e.embeddingStatus()),
    async modelPull(id) {
      const r = await modelPull(config, id, emit);
      reconfigure();
      return r;
    },
    async modelImport(folder) {
      const r = await modelImport(config, folder);
      reconfigure();
      return r;
    },
    async close() {
      engine.close(); // its last snapshot, taken at close, is still announced
      unwatch();
      return null;
    },
  };
}

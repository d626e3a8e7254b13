/**
 * Embedding models as the app and the CLI use them: the catalog, what is installed, downloads,
 * importing a local folder, and the default model. One import path for the host (main/host/service/).
 */
export { DEFAULT_MODEL_ID, defaultCatalogDir, loadCatalog } from '../models/catalog.js';
export { hubBaseOf, importModel, listModels, pullModel, type ModelListing } from '../models/manager.js';

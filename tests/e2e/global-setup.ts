import type { TestProject } from 'vitest/node';
import { builtPageIds, checkSpaFallback, ensureBuild, startPreview } from './serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the served app's root, ending with "/" (includes BASE_PATH). */
    baseURL: string;
    /** Ids of the built formula pages, in the registry's order. */
    pageIds: string[];
  }
}

/**
 * Builds the app when `dist/` is missing or older than the sources, serves it with
 * `vite preview`, checks the single-page-app fallback, and provides the base URL and the
 * built page ids to the browser tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuild();
  const server = await startPreview();
  try {
    await checkSpaFallback(server.baseURL);
  } catch (err) {
    await server.close();
    throw err;
  }
  project.provide('baseURL', server.baseURL);
  project.provide('pageIds', await builtPageIds());
  return () => server.close();
}

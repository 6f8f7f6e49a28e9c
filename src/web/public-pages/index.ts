/** The server-rendered public pages: `renderPublicPage(EditionPage, props)` in a route. */
export { EditionPage } from './EditionPage.js';
export { HomePage } from './HomePage.js';
export { Layout } from './Layout.js';
export { ProgrammePage } from './ProgrammePage.js';
export { publicPaths } from './paths.js';
export { renderPublicPage } from './render.js';
export { SeriesPage } from './SeriesPage.js';
export type * from './types.js';

/** The public pages' addresses, in one place for the server's routes and the pages' links. */
export const publicPaths = {
  home: () => '/',
  series: (slug: string) => `/series/${encodeURIComponent(slug)}`,
  edition: (slug: string) => `/editions/${encodeURIComponent(slug)}`,
  signIn: () => '/sign-in',
  stylesheet: '/assets/public.css',
} as const;

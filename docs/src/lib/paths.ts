/** Paths inside the site, with the configured base. No data imports: the client scripts use it. */
const base = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

export function sitePath(path: string): string {
  return base + path.replace(/^\//, '');
}

export function termPath(id: string): string {
  return sitePath(`terms/${id}/`);
}

export function termJsonPath(id: string): string {
  return sitePath(`terms/${id}.json`);
}

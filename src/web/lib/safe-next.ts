/**
 * Where to go after sign-in: the `next` page if it is a path of this app, else home. Only same-origin
 * paths are allowed ("/x", not "//evil.example" or "https://…"), so a crafted login link cannot send a
 * user to another site (open redirect).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

import { TEMPLATE_CSV } from '../../lib/byod/template.ts';

/** The template campaign file, written at build time as a static file beside the page. */
export function GET() {
  return new Response(TEMPLATE_CSV, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}

import { terms, type Term } from '@luxlint/terms';
import type { APIRoute, GetStaticPaths } from 'astro';
import { termRecord } from '../../lib/site';

export const getStaticPaths = (() =>
  terms.map((term) => ({ params: { id: term.id }, props: { term } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: Term }> = ({ props, site }) =>
  new Response(JSON.stringify(termRecord(props.term, site), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

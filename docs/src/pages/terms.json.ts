import { terms } from '@luxlint/terms';
import type { APIRoute } from 'astro';
import { dataLicence, termRecord } from '../lib/site';

export const GET: APIRoute = ({ site }) =>
  new Response(
    JSON.stringify(
      {
        version: 1,
        licence: {
          text: dataLicence.text,
          code: dataLicence.code,
          note: 'Explanations are luxlint’s own words; no text of the Luxembourg Guidelines (CC BY-NC-ND 4.0) is reproduced.',
        },
        count: terms.length,
        terms: terms.map((term) => termRecord(term, site)),
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );

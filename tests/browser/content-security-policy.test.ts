import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The integration is plain JavaScript inside the docs package; it is tested here because the
// docs package has no test runner of its own.
// @ts-expect-error -- an .mjs file without declarations
import { policyFor, withPolicy } from '../../docs/integrations/content-security-policy.mjs';

const hash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>
<script>window.a = 1;</script>
<script type="module" src="/_astro/x.js"></script>
<style>.a{color:red}</style>
</head><body><label style="--w: 6.25rem">x</label><p style='color: &quot;red&quot;'>y</p></body></html>`;

describe('content-security-policy integration', () => {
  it('allows exactly the inline scripts, styles and style attributes of the page', () => {
    const policy: string = policyFor(page);
    const directives = Object.fromEntries(
      policy.split('; ').map((directive) => [directive.split(' ')[0], directive]),
    );
    expect(directives['default-src']).toBe("default-src 'self'");
    expect(directives['script-src']).toBe(`script-src 'self' ${hash('window.a = 1;')}`);
    expect(directives['style-src']).toBe(
      `style-src 'self' 'unsafe-hashes' ${hash('.a{color:red}')} ${hash('--w: 6.25rem')} ${hash('color: "red"')}`,
    );
    expect(policy).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('puts the policy first in <head>, right after the charset', () => {
    const html: string = withPolicy(page);
    expect(html).toMatch(
      /<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; /,
    );
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('needs no hash or unsafe-hashes for a page without inline code', () => {
    const policy: string = policyFor(
      '<html><head><meta charset="utf-8"></head><body></body></html>',
    );
    expect(policy).toContain("script-src 'self'; style-src 'self';");
  });
});

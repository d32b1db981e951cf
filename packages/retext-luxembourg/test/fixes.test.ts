import { describe, expect, it } from 'vitest';
import type { LuxembourgMessage } from '../src/lib/types.js';
import { applyFixes, found, lintTest } from './helpers.js';
import { lintMarkdown } from './markdown-host.js';

function fixOf(text: string): LuxembourgMessage['fix'] | undefined {
  return (lintTest(text).messages[0] as LuxembourgMessage | undefined)?.fix;
}

function fixed(text: string): string {
  return applyFixes(text, lintTest(text).messages as LuxembourgMessage[]);
}

describe('fixes', () => {
  it('replaces the full span and keeps the case shape', () => {
    expect(fixed('Police seized child pornography.')).toBe(
      'Police seized child sexual abuse material.',
    );
    expect(fixed('Child pornography was seized.')).toBe('Child sexual abuse material was seized.');
    expect(fixed('The Child Pornography Was Seized.')).toBe(
      'The Child Sexual Abuse Material Was Seized.',
    );
    expect(fixed('POLICE SEIZED CHILD PORNOGRAPHY.')).toBe(
      'POLICE SEIZED CHILD SEXUAL ABUSE MATERIAL.',
    );
    expect(fixed('They hunt Child-Sex-Tourism.')).toBe(
      'They hunt Sexual Exploitation of Children in Travel and Tourism.',
    );
  });

  it('fixes hyphen, no-space and line-break variants of the lemma', () => {
    expect(fixed('A child-pornography forum.')).toBe('A child sexual abuse material forum.');
    expect(fixed('Police found childporn.')).toBe('Police found child sexual abuse material.');
    expect(fixed('Police found child\npornography.')).toBe(
      'Police found child sexual abuse material.',
    );
  });

  it('gives the exact offsets of the original file', () => {
    expect(fixOf('Police seized child pornography.')).toEqual({
      offset: 14,
      endOffset: 31,
      text: 'child sexual abuse material',
    });
  });

  it('changes a/an before the replacement when needed, keeping its case', () => {
    expect(fixed('He ran an underage escort ring.')).toBe('He ran an exploited child ring.');
    expect(fixed('He was a underage escort.')).toBe('He was an exploited child.');
    expect(fixed('A underage escort was found.')).toBe('An exploited child was found.');
    expect(fixOf('He was a underage escort.')).toEqual({
      offset: 7,
      endOffset: 24,
      text: 'an exploited child',
    });
  });

  it('gives no fix for an inflected form, a form other than the lemma, or an entry without a fix', () => {
    expect(fixOf("Children's pornography circulated.")).toBeNull();
    expect(fixOf('Child pornographers were jailed.')).toBeNull();
    expect(fixOf('A child prostitute was found.')).toBeNull();
  });

  it('gives no fix for a caution, or for an avoid entry forced to caution', () => {
    expect(fixOf('Sextortion is rising.')).toBeNull();
    const file = lintTest('Police seized child pornography.', {
      rules: { 'child-pornography': 'caution' },
    });
    expect((file.messages[0] as LuxembourgMessage).fix).toBeNull();
  });

  it('gives no fix in a skipped context', () => {
    const file = lintTest('"We seized child pornography," he said.', { reportSkipped: true });
    expect((file.messages[0] as LuxembourgMessage).fix).toBeNull();
  });

  it('gives no fix when markup sits inside the span, but one when it wraps it', async () => {
    const inside = await lintMarkdown('They found child **pornography** there.');
    expect((inside.messages[0] as LuxembourgMessage).fix).toBeNull();
    const around = await lintMarkdown('They found *child pornography* there.');
    expect((around.messages[0] as LuxembourgMessage).fix).toEqual({
      offset: 12,
      endOffset: 29,
      text: 'child sexual abuse material',
    });
  });

  it('is idempotent: the fixed text gives no message of the rule', () => {
    for (const text of [
      'Police seized child pornography.',
      'A underage escort was found.',
      'CHILD-PORNOGRAPHY SEIZED',
      'Child sex tourism is a crime.',
    ]) {
      const once = fixed(text);
      expect(found(once)).toEqual([]);
      expect(fixed(once)).toBe(once);
    }
  });
});

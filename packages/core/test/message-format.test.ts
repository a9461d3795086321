import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage, isRightToLeft, isolateParameters } from '@mentorkit/core';
import { formatGoalMessage } from '@mentorkit/core/goals';
import { fillTemplate } from '@mentorkit/core/checkins';

test('formatMessage fills named placeholders and leaves unknown ones as written', () => {
  assert.equal(formatMessage('Hi {name}, {count} new', { name: 'Aiko', count: 3 }), 'Hi Aiko, 3 new');
  assert.equal(formatMessage('Hi {name}', {}), 'Hi {name}');
  assert.equal(formatMessage('No placeholders'), 'No placeholders');
  // Only the parameters' own names count: nothing is read from Object.prototype.
  assert.equal(formatMessage('{constructor} {toString}', {}), '{constructor} {toString}');
});

test('formatMessage picks the singular or plural form with {name|one|other}', () => {
  assert.equal(formatMessage('{days} {days|day|days}', { days: 1 }), '1 day');
  assert.equal(formatMessage('{days} {days|day|days}', { days: 0 }), '0 days');
  assert.equal(formatMessage('{days} {days|day|days}', { days: '1' }), '1 day');
  assert.equal(formatMessage('{days|day|days}', {}), '{days|day|days}');
});

test('a parameter is inserted as text once: placeholders inside values are not filled again', () => {
  assert.equal(formatMessage('{a} and {b}', { a: '{b}', b: 'B' }), '{b} and B');
  assert.equal(formatMessage('{title}', { title: '<img src=x onerror=alert(1)>' }), '<img src=x onerror=alert(1)>');
});

test('in a right-to-left language, text parameters are isolated and numbers are not', () => {
  assert.equal(isRightToLeft('ar-EG'), true);
  assert.equal(isRightToLeft('he'), true);
  assert.equal(isRightToLeft('es'), false);
  assert.equal(isRightToLeft(undefined), false);
  assert.equal(formatMessage('مرحبا {name} {count}', { name: 'Aiko', count: 2 }, 'ar'), 'مرحبا \u2068Aiko\u2069 2');
  assert.equal(formatMessage('Hi {name}', { name: 'Aiko' }, 'en'), 'Hi Aiko');
  const given = { name: 'Aiko' };
  assert.equal(isolateParameters(given, 'en'), given);
  assert.deepEqual(isolateParameters({ name: 'Aiko', code: '42' }, 'fa'), { name: '\u2068Aiko\u2069', code: '42' });
});

test("core's older fill helpers are the same format", () => {
  const cases: Array<[string, Record<string, string | number>]> = [
    ['{goal} at {percent}%', { goal: 'Ship it', percent: 40 }],
    ['{days} {days|day|days} left', { days: 1 }],
    ['{missing}', {}],
  ];
  for (const [template, values] of cases) {
    assert.equal(formatGoalMessage(template, values), formatMessage(template, values));
    assert.equal(fillTemplate(template, values), formatMessage(template, values));
  }
});

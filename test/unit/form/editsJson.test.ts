import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, crlf, edited, ref, refused } from './editsKit';

const J = PATHS.session;
const SESSION = `{
    "milestone_id": "deploy",
    "status": "in_progress",
    "progress": 50,
    "updated_at": "2026-01-01 10:00:00 UTC",
    "steps": [
        {
            "step": 1,
            "description": "Write the script",
            "status": "completed",
            "completed_by": "s6",
            "completed_at": "2026-01-01 09:00:00 UTC",
            "notes": "done"
        },
        {
            "step": 2,
            "description": "Upload",
            "status": "pending",
            "notes": ""
        }
    ],
    "next_session_should": [
        "Finish upload"
    ],
    "blockers": []
}
`;
const STAMP = '2026-03-04 12:05:06 UTC';

test('a JSON step text changes only its description string', () => {
  assert.equal(edited(J, SESSION, { kind: 'setStepText', ref: ref(J, SESSION, 'Upload'), text: 'Upload "all"' }), SESSION.replace('"Upload"', '"Upload \\"all\\""'));
});

test('completing a JSON step stamps it and refreshes progress and updated_at; leaving completed unstamps', () => {
  const out = edited(J, SESSION, { kind: 'setJsonStep', index: 1, status: 'completed' });
  assert.equal(out, SESSION
    .replace('"status": "pending",\n', `"status": "completed",\n            "completed_by": "tester",\n            "completed_at": "${STAMP}",\n`)
    .replace('"progress": 50', '"progress": 100').replace('2026-01-01 10:00:00 UTC', STAMP));
  const back = edited(J, SESSION, { kind: 'setJsonStep', index: 0, status: 'in_progress', notes: 'redo' });
  assert.equal(back, SESSION
    .replace('"status": "completed",\n            "completed_by": "s6",\n            "completed_at": "2026-01-01 09:00:00 UTC",\n            "notes": "done"', '"status": "in_progress",\n            "notes": "redo"')
    .replace('"progress": 50', '"progress": 0').replace('2026-01-01 10:00:00 UTC', STAMP));
  assert.equal(edited(J, SESSION, { kind: 'setJsonStep', index: 1, status: 'pending', notes: '' }), SESSION);
});

test('adding a JSON step appends an object shaped like its neighbours, in 4 spaces and CRLF', () => {
  const added = `,
        {
            "step": 3,
            "description": "Post the URL",
            "status": "pending",
            "notes": ""
        }
    ],
    "next_session_should"`;
  const expected = SESSION.replace('\n    ],\n    "next_session_should"', added).replace('"progress": 50', '"progress": 33').replace('2026-01-01 10:00:00 UTC', STAMP);
  assert.equal(edited(J, SESSION, { kind: 'addStep', milestone: 0, section: null, text: 'Post the URL' }), expected);
  const win = '\uFEFF' + crlf(SESSION);
  assert.equal(edited(J, win, { kind: 'addStep', milestone: 0, section: null, text: 'Post the URL' }), '\uFEFF' + crlf(expected));
});

test('removing and moving JSON steps renumber step 1..n', () => {
  const removed = edited(J, SESSION, { kind: 'removeStep', ref: ref(J, SESSION, 'Write the script') });
  const second = SESSION.slice(SESSION.indexOf('        {\n            "step": 2'), SESSION.indexOf('\n    ],\n    "next'));
  const first = SESSION.slice(SESSION.indexOf('        {\n            "step": 1'), SESSION.indexOf(',\n        {\n            "step": 2'));
  assert.equal(removed, SESSION.replace(first + ',\n' + second, second.replace('"step": 2', '"step": 1')).replace('"progress": 50', '"progress": 0').replace('2026-01-01 10:00:00 UTC', STAMP));
  const moved = edited(J, SESSION, { kind: 'moveStep', ref: ref(J, SESSION, 'Upload'), to: 0 });
  assert.equal(moved, SESSION.replace(first + ',\n' + second, second.replace('"step": 2', '"step": 1') + ',\n' + first.replace('"step": 1', '"step": 2')));
});

test('fields and lists change through jsonc-parser in the file\'s formatting', () => {
  assert.equal(edited(J, SESSION, { kind: 'setField', milestone: 0, key: 'status', value: 'blocked' }), SESSION.replace('"in_progress"', '"blocked"'));
  assert.equal(edited(J, SESSION, { kind: 'setField', milestone: 0, key: 'owner', value: 'me' }), SESSION.replace('    "blockers": []\n}', '    "blockers": [],\n    "owner": "me"\n}'));
  assert.equal(edited(J, SESSION, { kind: 'setList', key: 'next_session_should', items: ['Finish upload', 'Post URL'] }),
    SESSION.replace('"Finish upload"\n', '"Finish upload",\n        "Post URL"\n'));
  assert.equal(edited(J, SESSION, { kind: 'setList', key: 'blockers', items: ['creds'] }), SESSION.replace('"blockers": []', '"blockers": [\n        "creds"\n    ]'));
  assert.equal(edited(J, SESSION, { kind: 'setList', key: 'next_session_should', items: [] }), SESSION.replace('[\n        "Finish upload"\n    ]', '[]'));
});

test('JSON that does not parse is refused', () => {
  const broken = SESSION.replace('"blockers": []', '"blockers": [');
  assert.match(refused(J, broken, { kind: 'setField', milestone: 0, key: 'status', value: 'x' }), /not valid JSON/);
});

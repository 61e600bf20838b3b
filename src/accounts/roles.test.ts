import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PERMISSIONS } from '../http/access.ts';
import { isAllowed, ROLES, type Grant, type ResolvedTarget } from './roles.ts';

// Jessore Sadar's ICT office (id 1) in upazila 30 < district 20 < division 10, under the ICT
// Division (organisation 200 < 100); Jaintiapur's (id 2) in upazila 31 < district 21 < division 11.
const jessore: ResolvedTarget = { kind: 'office', ancestry: { officeId: 1, placeIds: [30, 20, 10], organisationIds: [200, 100] } };
const jaintiapur: ResolvedTarget = { kind: 'office', ancestry: { officeId: 2, placeIds: [31, 21, 11], organisationIds: [] } };
const national: ResolvedTarget = { kind: 'national' };

test('an office admin edits their own office\'s charter and calendar, and nothing of another office', () => {
  const grants: Grant[] = [{ role: 'office_admin', officeId: 1 }];
  assert.equal(isAllowed(grants, 'charter.edit', jessore), true);
  assert.equal(isAllowed(grants, 'calendar.edit', jessore), true);
  assert.equal(isAllowed(grants, 'charter.edit', jaintiapur), false);
  assert.equal(isAllowed(grants, 'calendar.edit', national), false);
});

test('a supervisor reaches every office under their place or organisation, read-only', () => {
  const district: Grant[] = [{ role: 'supervisor', placeId: 20 }];
  assert.equal(isAllowed(district, 'requests.read', jessore), true);
  assert.equal(isAllowed(district, 'audit.read', jessore), true);
  assert.equal(isAllowed(district, 'requests.read', jaintiapur), false);
  assert.equal(isAllowed(district, 'charter.edit', jessore), false);
  const ministry: Grant[] = [{ role: 'supervisor', organisationId: 100 }];
  assert.equal(isAllowed(ministry, 'requests.read', jessore), true);
  assert.equal(isAllowed(ministry, 'requests.read', jaintiapur), false);
});

test('office roles never reach national targets; a system admin reaches everything', () => {
  for (const role of ROLES) {
    const grant = (role === 'system_admin' ? { role } : role === 'supervisor' ? { role, placeId: 10 } : { role, officeId: 1 }) as Grant;
    for (const permission of PERMISSIONS) {
      assert.equal(isAllowed([grant], permission, national), role === 'system_admin', `${role} ${permission}`);
    }
  }
  for (const permission of PERMISSIONS) assert.equal(isAllowed([{ role: 'system_admin' }], permission, jaintiapur), true);
});

test('staff and officers handle requests of their office but edit nothing', () => {
  for (const role of ['office_staff', 'officer'] as const) {
    const grants: Grant[] = [{ role, officeId: 1 }];
    assert.equal(isAllowed(grants, 'requests.handle', jessore), true);
    assert.equal(isAllowed(grants, 'requests.handle', jaintiapur), false);
    assert.equal(isAllowed(grants, 'charter.edit', jessore), false);
    assert.equal(isAllowed(grants, 'users.manage', jessore), false);
  }
});

test('no grants allow nothing', () => {
  for (const permission of PERMISSIONS) assert.equal(isAllowed([], permission, jessore), false);
});

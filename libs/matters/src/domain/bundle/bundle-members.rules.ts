import { DomainError } from '@app/kernel';
import type { BundleMember, MemberLookup } from './bundle.messages';

/**
 * The members of a bundle version: at least two distinct matters (400 otherwise), each existing
 * (404 naming the field) and published (409 `not_published`: a draft, suspended or retired matter
 * cannot be offered as part of a 一件事).
 */
export function checkMembers(members: readonly MemberLookup[]): BundleMember[] {
  const ids = members.map((m) => m.matterId);
  if (ids.length < 2) throw DomainError.invalid('invalid_command', [{ field: 'matterIds', message: 'a bundle has at least 2 matters' }]);
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0)
    throw DomainError.invalid('invalid_command', [{ field: `matterIds[${repeated}]`, message: `matter ${ids[repeated]} is named twice` }]);
  return members.map(({ matterId, matter }, i) => {
    if (!matter)
      throw new DomainError('not_found', `no matter ${matterId}`, { details: [{ field: `matterIds[${i}]`, message: 'unknown matter' }] });
    if (matter.status !== 'published')
      throw new DomainError('not_published', `matter ${matterId} is ${matter.status}: only published matters can be bundled`, {
        details: [{ field: `matterIds[${i}]`, message: `matter is ${matter.status}` }],
      });
    return { matterId, departmentId: matter.departmentId, name: matter.name };
  });
}

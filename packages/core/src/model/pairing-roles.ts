import type { Pairing } from './pairing.js';

/** A person's role within one pairing. */
export type PairingRole = 'mentee' | 'mentor' | 'co-mentor';

/** Everyone in the pairing with their role: the mentee, the lead mentor, and the co-mentor if any. */
export function pairingMembers(pairing: Pick<Pairing, 'menteeId' | 'mentorIds'>): Array<{ personId: string; role: PairingRole }> {
  const members: Array<{ personId: string; role: PairingRole }> = [{ personId: pairing.menteeId, role: 'mentee' }];
  pairing.mentorIds.forEach((mentorId, index) => members.push({ personId: mentorId, role: index === 0 ? 'mentor' : 'co-mentor' }));
  return members;
}

/** The role of `personId` in the pairing, or `undefined` when they are not in it. */
export function roleInPairing(pairing: Pick<Pairing, 'menteeId' | 'mentorIds'>, personId: string): PairingRole | undefined {
  return pairingMembers(pairing).find((member) => member.personId === personId)?.role;
}

/** The other members of the pairing, as seen by `viewerId` (everyone, when the viewer is not a member). */
export function counterparts(pairing: Pick<Pairing, 'menteeId' | 'mentorIds'>, viewerId: string): Array<{ personId: string; role: PairingRole }> {
  return pairingMembers(pairing).filter((member) => member.personId !== viewerId);
}

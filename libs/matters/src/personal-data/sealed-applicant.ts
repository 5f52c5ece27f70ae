import { ApplicantCipher } from './applicant-cipher';
import { maskIdNumber, maskName } from './mask';

export type ApplicantKind = 'person' | 'organisation';

/** The applicant as the API receives it. Never put this in an event. */
export interface ApplicantInClear {
  kind: ApplicantKind;
  name: string;
  idNumber: string;
}

/**
 * The applicant as events carry it: the personal data encrypted under the applicant's own key
 * (found by `keyId` in the key table outside the stream) plus masks for display.
 */
export interface SealedApplicant {
  kind: ApplicantKind;
  /** id of the key in the key table; deleting that key erases the applicant (crypto-shredding) */
  keyId: string;
  /** `ApplicantCipher` blob of JSON {name, idNumber} */
  sealed: string;
  idNumberMasked: string;
  nameMasked: string;
}

/** Encrypts the applicant's name and id number; `keyId` is bound as associated data. */
export function sealApplicant(applicant: ApplicantInClear, keyId: string, key: Buffer, cipher: ApplicantCipher): SealedApplicant {
  const payload = JSON.stringify({ name: applicant.name, idNumber: applicant.idNumber });
  return {
    kind: applicant.kind,
    keyId,
    sealed: cipher.encrypt(payload, key, keyId),
    idNumberMasked: maskIdNumber(applicant.idNumber),
    nameMasked: maskName(applicant.name),
  };
}

/** The clear applicant back, given its key; throws `ApplicantDataUnreadableError` once the key is gone or wrong. */
export function openApplicant(sealed: SealedApplicant, key: Buffer, cipher: ApplicantCipher): ApplicantInClear {
  const { name, idNumber } = JSON.parse(cipher.decrypt(sealed.sealed, key, sealed.keyId)) as { name: string; idNumber: string };
  return { kind: sealed.kind, name, idNumber };
}

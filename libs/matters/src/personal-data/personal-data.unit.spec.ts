import { ApplicantCipher, ApplicantDataUnreadableError } from './applicant-cipher';
import { maskIdNumber, maskName } from './mask';
import { openApplicant, sealApplicant } from './sealed-applicant';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 of an 18-character id', () => {
    expect(maskIdNumber('330602199001011234')).toBe('3306**********1234');
    expect(maskIdNumber('33060219900101123X')).toBe('3306**********123X');
  });
  it('masks a 15-character (first-generation) id and trims spaces', () => {
    expect(maskIdNumber(' 330602900101123 ')).toBe('3306*******1123');
  });
  it('hides at least half of a short id, and all of a tiny one', () => {
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('12345')).toBe('1***5');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first character of a person', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });
  it('masks an organisation the same way (a sole trader is often named after a person)', () => {
    expect(maskName('王记小吃店')).toBe('王****');
  });
});

describe('ApplicantCipher (AES-256-GCM)', () => {
  const cipher = new ApplicantCipher();
  const key = cipher.generateKey();

  it('round-trips and never shows the plaintext in the blob', () => {
    const blob = cipher.encrypt('330602199001011234', key);
    expect(blob).not.toContain('330602');
    expect(Buffer.from(blob, 'base64').toString('latin1')).not.toContain('330602199001011234');
    expect(cipher.decrypt(blob, key)).toBe('330602199001011234');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same', key)).not.toBe(cipher.encrypt('same', key));
  });

  it('cannot be opened with another key (crypto-shredding: the key is gone)', () => {
    const blob = cipher.encrypt('secret', key);
    expect(() => cipher.decrypt(blob, cipher.generateKey())).toThrow(ApplicantDataUnreadableError);
  });

  it('detects tampering and a wrong context', () => {
    const blob = cipher.encrypt('secret', key, 'app-1');
    const bytes = Buffer.from(blob, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipher.decrypt(bytes.toString('base64'), key, 'app-1')).toThrow(ApplicantDataUnreadableError);
    expect(() => cipher.decrypt(blob, key, 'app-2')).toThrow(ApplicantDataUnreadableError);
    expect(() => cipher.decrypt('AAAA', key)).toThrow(ApplicantDataUnreadableError);
  });

  it('takes injectable randomness for keys and IVs', () => {
    const fixed = new ApplicantCipher((size) => Buffer.alloc(size, 7));
    expect(fixed.generateKey()).toEqual(Buffer.alloc(32, 7));
    expect(fixed.encrypt('x', fixed.generateKey())).toBe(fixed.encrypt('x', fixed.generateKey()));
  });

  it('refuses a key of the wrong size', () => {
    expect(() => cipher.encrypt('x', Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('sealApplicant', () => {
  it('keeps only masks in clear and opens again with the key', () => {
    const cipher = new ApplicantCipher();
    const key = cipher.generateKey();
    const sealed = sealApplicant({ kind: 'person', name: '张三', idNumber: '330602199001011234' }, 'key-1', key, cipher);
    expect(JSON.stringify(sealed)).not.toContain('330602199001011234');
    expect(JSON.stringify(sealed)).not.toContain('张三');
    expect(sealed).toMatchObject({ kind: 'person', keyId: 'key-1', idNumberMasked: '3306**********1234', nameMasked: '张*' });
    expect(openApplicant(sealed, key, cipher)).toEqual({ kind: 'person', name: '张三', idNumber: '330602199001011234' });
  });
});

// Occupation codes, written once: an O*NET-SOC occupation's (29-1141.00: the 2018 SOC code and two
// digits of O*NET's own) and a 2018 SOC code's (29-1141).

/** An O*NET-SOC code, or a 6-digit SOC code. */
export const SOC_CODE = /^\d\d-\d{4}(?:\.\d\d)?$/;
/** An O*NET-SOC occupation's code only: 15-1252.00, not a group's (15-0000) nor a bare SOC code. */
export const ONET_CODE = /^\d\d-\d{4}\.\d\d$/;

export const isSocCode = (text: string): boolean => SOC_CODE.test(text);
export const isOnetCode = (text: string): boolean => ONET_CODE.test(text);

/** The 6-digit 2018 SOC code of an O*NET-SOC code: its first seven characters. */
export const socOf = (code: string): string => code.slice(0, 7);

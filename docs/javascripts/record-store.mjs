// The reader's record in this browser's storage (issue 24): the one copy, on this device only.
// Behaviour only: the record is read and checked by Python (calculators/record.py) on every use,
// and every word about a failure comes from the page (the buttons' data-storage-* words).
// Nothing here sends anything anywhere.

const KEY = "regain-record";

/** Why storage could not be used: the page shows its words for each. */
export const STORAGE = Object.freeze({ blocked: "blocked", full: "full" });

function storage() {
  // Reading window.localStorage itself throws when site data is blocked.
  return window.localStorage;
}

/** The stored record as it was saved: {record} (null when nothing is saved, the raw text when
 * it is not JSON, so Python can say what is wrong), or {failed: reason}. */
export function readRecord() {
  let text;
  try {
    text = storage().getItem(KEY);
  } catch {
    return { failed: STORAGE.blocked };
  }
  if (text === null) return { record: null };
  try {
    return { record: JSON.parse(text) };
  } catch {
    return { record: text };
  }
}

/** Store the record Python returned; "" when stored, else the reason it was not. The record
 * saved before stays as it was when this fails. */
export function writeRecord(record) {
  try {
    storage().setItem(KEY, JSON.stringify(record));
    return "";
  } catch (error) {
    const full = error?.name === "QuotaExceededError" || error?.code === 22;
    return full ? STORAGE.full : STORAGE.blocked;
  }
}

/** Delete the record; "" when done, else the reason. */
export function deleteRecord() {
  try {
    storage().removeItem(KEY);
    return "";
  } catch {
    return STORAGE.blocked;
  }
}

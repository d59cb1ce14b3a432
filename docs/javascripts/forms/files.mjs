// What a file the reader saves needs, shared by the plan's calendar (calendar.mjs) and the
// reader's record (record.mjs): the download made in the browser, and the device's own date.

/** Save `text` as a file the browser downloads (made here: nothing is sent anywhere). */
export function saveFile(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The device's own date, YYYY-MM-DD (the reader's day, not UTC's). */
export function localISODate(day = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

// An exported CSV read back as a spreadsheet would: fields that start like a formula are a CSV
// injection (vendor text that runs as a formula when someone opens the export).

/** RFC 4180 fields of every record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Fields a spreadsheet would evaluate: = + @ tab CR at the start, or - not followed by a number. */
export function formulaFields(text: string): string[] {
  return parseCsv(text)
    .flat()
    .filter((field) => /^[=+@\t\r]/.test(field) || /^-(?![\d.])/.test(field))
    .map((field) => field.slice(0, 60));
}

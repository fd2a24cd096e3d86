import { MfaSmsError } from './errors.js';

/**
 * Replaces `{{name}}` placeholders (spaces inside the braces allowed). An unknown placeholder,
 * a missing variable or an unclosed `{{` is an `invalid_config` error naming the placeholder, never
 * an empty string in a text message. Values are inserted as they are, never rendered again.
 */
export function renderTemplate(
  template: string,
  variables: Readonly<Record<string, string | number | undefined>>,
): string {
  let result = '';
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{{', index);
    if (open === -1) {
      result += template.slice(index);
      break;
    }
    const close = template.indexOf('}}', open + 2);
    if (close === -1) {
      throw new MfaSmsError({
        code: 'invalid_config',
        message: `Template has an unclosed "{{" at character ${open}`,
      });
    }
    const name = template.slice(open + 2, close).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new MfaSmsError({
        code: 'invalid_config',
        message: `Template has a malformed placeholder at character ${open}`,
      });
    }
    const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (value === undefined) {
      throw new MfaSmsError({
        code: 'invalid_config',
        message: `Template placeholder "{{${name}}}" has no value`,
      });
    }
    result += template.slice(index, open) + String(value);
    index = close + 2;
  }
  return result;
}

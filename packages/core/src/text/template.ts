import { MfaSmsError } from '../errors/errors.js';

const placeholderName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function configurationError(message: string): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_config', message });
}

/** Placeholder names go into error messages; a pasted text must not flood a log line. */
function shown(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/**
 * Replaces `{{name}}` placeholders (spaces inside the braces allowed, names of letters, digits
 * and `_` not starting with a digit). A placeholder without a value (unknown, `undefined` or
 * `null`), a malformed one and an unclosed `{{` are `invalid_config` errors naming the
 * placeholder, never showing a value: a text message with a hole in it must not be sent.
 * Values are inserted as they are and never rendered again. Linear in the template's length.
 */
export function renderTemplate(
  template: string,
  variables: Readonly<Record<string, string | number | undefined>>,
): string {
  if (typeof template !== 'string') throw configurationError('The template must be a string');
  if (typeof variables !== 'object' || variables === null) {
    throw configurationError('The template variables must be an object of strings and numbers');
  }
  let result = '';
  let index = 0;
  for (;;) {
    const open = template.indexOf('{{', index);
    if (open === -1) return result + template.slice(index);
    // Either this finds the end of the placeholder and the scan moves past it, or rendering
    // stops with an error: no character is searched twice.
    const close = template.indexOf('}}', open + 2);
    if (close === -1) throw configurationError(`The template has an unclosed "{{" at character ${open}`);
    const name = template.slice(open + 2, close).trim();
    if (!placeholderName.test(name)) {
      throw configurationError(
        `The template has a malformed placeholder at character ${open}; a name is letters, digits and "_", not starting with a digit`,
      );
    }
    const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (value === undefined || value === null) {
      const known = Object.keys(variables)
        .filter((key) => variables[key] !== undefined && variables[key] !== null)
        .slice(0, 20)
        .map(shown);
      throw configurationError(
        `The template placeholder "{{${shown(name)}}}" has no value (known: ${known.length === 0 ? 'none' : known.join(', ')})`,
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw configurationError(
        `The template placeholder "{{${shown(name)}}}" has a value that is not a string or a number`,
      );
    }
    result += template.slice(index, open) + String(value);
    index = close + 2;
  }
}

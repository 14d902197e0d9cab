import { AppError } from '../app-error';

/** ASVS 5.0 V6.2: at least 8 characters, at least 64 allowed, no composition rules. */
export const PASSWORD_MIN_CHARS = 8;
/** Longer passwords are allowed (up to the body limit of 1,024); only this much is scored. */
const SCORED_CHARS = 128;
/**
 * zxcvbn score 0–4; below 2 the password falls within 10^6 guesses (a common or
 * breached password, a repeat like "aaaaaaaa", a keyboard walk, a word plus digits).
 */
export const PASSWORD_MIN_SCORE = 2;

type Checker = (password: string, userInputs: string[]) => { score: number; warning: string };
let checker: Promise<Checker> | undefined;

/** Loads zxcvbn and its common-password dictionaries once, on first use (they are large). */
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return (password, userInputs) => {
      const result = zxcvbn.check(password, userInputs);
      return { score: result.score, warning: result.feedback.warning ?? '' };
    };
  })();
  return checker;
}

/** zxcvbn's warning keys, in words. */
const WARNINGS: Record<string, string> = {
  straightRow: 'it is a row of keys',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats a character',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence like abc or 123',
  recentYears: 'it is a recent year',
  dates: 'it is a date',
  topTen: 'it is one of the most used passwords',
  topHundred: 'it is a very common password',
  common: 'it is a common password',
  similarToCommon: 'it is a common password with small changes',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'a name is easy to guess',
  commonNames: 'common names are easy to guess',
  userInputs: 'it contains your name or email',
  pwned: 'it appeared in a data breach',
};

/**
 * Refuses a password that is shorter than 8 characters (Unicode code points,
 * so spaces and any script count) or easy to guess: a common or breached
 * password, a repeat, a sequence, or the account's own email or name.
 * Throws `weak_password` with the reason.
 */
export async function checkPasswordPolicy(
  password: string,
  account: { email: string; name?: string },
): Promise<void> {
  if ([...password].length < PASSWORD_MIN_CHARS)
    throw new AppError(
      'weak_password',
      `the password needs at least ${PASSWORD_MIN_CHARS} characters`,
      {
        reason: 'too_short',
      },
    );
  const check = await loadChecker();
  const inputs = [account.email, account.email.split('@')[0]!, account.name ?? ''].filter(Boolean);
  const { score, warning } = check([...password].slice(0, SCORED_CHARS).join(''), inputs);
  if (score < PASSWORD_MIN_SCORE)
    throw new AppError(
      'weak_password',
      `this password is too easy to guess${WARNINGS[warning] ? `: ${WARNINGS[warning]}` : ''}; try a few unrelated words`,
      { reason: warning || 'guessable' },
    );
}

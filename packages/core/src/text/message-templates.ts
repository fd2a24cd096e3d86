/** A template with the application's name, and one that reads well without it. */
export type Pair = readonly [withApp: string, withoutApp: string];

export interface LanguageTemplates {
  /** SMS for a sign-in code; notifications that carry a code use it too. */
  authentication: Pair;
  /** SMS for confirming a new phone number. */
  enrollment: Pair;
  /** What a voice call reads, for any purpose; its `{{code}}` is already spelled out. */
  voice: Pair;
}

// Every SMS text fits one segment with a 6-digit code and a 20-character application name:
// 160 septets in GSM-7, 70 units in UCS-2 (the tests prove it for every entry). Latin-script
// texts keep to GSM 03.38 where the language allows it without misspelling (Polish is phrased
// without "Twój"); Spanish, Portuguese and Turkish need ó, ç, ğ… and are sent as UCS-2.
export const catalog = {
  en: {
    authentication: [
      '{{code}} is your {{appName}} verification code.',
      '{{code}} is your verification code.',
    ],
    enrollment: [
      '{{code}} is your code to confirm this phone number for {{appName}}.',
      '{{code}} is your code to confirm this phone number.',
    ],
    voice: [
      'Your {{appName}} verification code is {{code}}. Again, your code is {{code}}.',
      'Your verification code is {{code}}. Again, your code is {{code}}.',
    ],
  },
  es: {
    authentication: ['Tu código de {{appName}} es {{code}}', 'Tu código de verificación es {{code}}'],
    enrollment: [
      'Código para confirmar tu teléfono en {{appName}}: {{code}}',
      'Tu código para confirmar tu teléfono es {{code}}',
    ],
    voice: [
      'Tu código de verificación de {{appName}} es {{code}}. Repito, tu código es {{code}}.',
      'Tu código de verificación es {{code}}. Repito, tu código es {{code}}.',
    ],
  },
  fr: {
    authentication: [
      '{{code}} est votre code de vérification {{appName}}.',
      '{{code}} est votre code de vérification.',
    ],
    enrollment: [
      '{{code}} est votre code pour confirmer ce numéro sur {{appName}}.',
      '{{code}} est votre code pour confirmer ce numéro.',
    ],
    voice: [
      'Votre code de vérification {{appName}} est {{code}}. Je répète, votre code est {{code}}.',
      'Votre code de vérification est {{code}}. Je répète, votre code est {{code}}.',
    ],
  },
  de: {
    authentication: [
      '{{code}} ist Ihr Bestätigungscode für {{appName}}.',
      '{{code}} ist Ihr Bestätigungscode.',
    ],
    enrollment: [
      '{{code}} ist Ihr Code, um diese Telefonnummer für {{appName}} zu bestätigen.',
      '{{code}} ist Ihr Code, um diese Telefonnummer zu bestätigen.',
    ],
    voice: [
      'Ihr Bestätigungscode für {{appName}} lautet {{code}}. Ich wiederhole: {{code}}.',
      'Ihr Bestätigungscode lautet {{code}}. Ich wiederhole: {{code}}.',
    ],
  },
  it: {
    authentication: [
      '{{code}} è il tuo codice di verifica {{appName}}.',
      '{{code}} è il tuo codice di verifica.',
    ],
    enrollment: [
      '{{code}} è il codice per confermare questo numero su {{appName}}.',
      '{{code}} è il codice per confermare questo numero.',
    ],
    voice: [
      'Il tuo codice di verifica {{appName}} è {{code}}. Ripeto, il codice è {{code}}.',
      'Il tuo codice di verifica è {{code}}. Ripeto, il codice è {{code}}.',
    ],
  },
  pt: {
    authentication: [
      '{{code}} é o seu código de verificação {{appName}}.',
      '{{code}} é o seu código de verificação.',
    ],
    enrollment: [
      'Código para confirmar o seu número em {{appName}}: {{code}}',
      '{{code}} é o código para confirmar este número.',
    ],
    voice: [
      'O seu código de verificação {{appName}} é {{code}}. Repito, o código é {{code}}.',
      'O seu código de verificação é {{code}}. Repito, o código é {{code}}.',
    ],
  },
  'pt-BR': {
    authentication: [
      '{{code}} é seu código de verificação {{appName}}.',
      '{{code}} é seu código de verificação.',
    ],
    enrollment: [
      'Código para confirmar seu celular no {{appName}}: {{code}}',
      '{{code}} é o código para confirmar este celular.',
    ],
    voice: [
      'Seu código de verificação {{appName}} é {{code}}. Repetindo, seu código é {{code}}.',
      'Seu código de verificação é {{code}}. Repetindo, seu código é {{code}}.',
    ],
  },
  nl: {
    authentication: ['{{code}} is je verificatiecode voor {{appName}}.', '{{code}} is je verificatiecode.'],
    enrollment: [
      '{{code}} is je code om dit telefoonnummer te bevestigen bij {{appName}}.',
      '{{code}} is je code om dit telefoonnummer te bevestigen.',
    ],
    voice: [
      'Je verificatiecode voor {{appName}} is {{code}}. Nogmaals, je code is {{code}}.',
      'Je verificatiecode is {{code}}. Nogmaals, je code is {{code}}.',
    ],
  },
  pl: {
    authentication: ['{{code}} to kod weryfikacyjny {{appName}}.', '{{code}} to kod weryfikacyjny.'],
    enrollment: [
      '{{code}} to kod do potwierdzenia numeru telefonu w {{appName}}.',
      '{{code}} to kod do potwierdzenia numeru telefonu.',
    ],
    voice: [
      'Twój kod weryfikacyjny {{appName}} to {{code}}. Powtarzam, Twój kod to {{code}}.',
      'Twój kod weryfikacyjny to {{code}}. Powtarzam, Twój kod to {{code}}.',
    ],
  },
  sv: {
    authentication: ['{{code}} är din verifieringskod för {{appName}}.', '{{code}} är din verifieringskod.'],
    enrollment: [
      '{{code}} är din kod för att bekräfta detta nummer hos {{appName}}.',
      '{{code}} är din kod för att bekräfta detta nummer.',
    ],
    voice: [
      'Din verifieringskod för {{appName}} är {{code}}. Jag upprepar, din kod är {{code}}.',
      'Din verifieringskod är {{code}}. Jag upprepar, din kod är {{code}}.',
    ],
  },
  da: {
    authentication: [
      '{{code}} er din bekræftelseskode til {{appName}}.',
      '{{code}} er din bekræftelseskode.',
    ],
    enrollment: [
      '{{code}} er din kode til at bekræfte dette nummer hos {{appName}}.',
      '{{code}} er din kode til at bekræfte dette nummer.',
    ],
    voice: [
      'Din bekræftelseskode til {{appName}} er {{code}}. Jeg gentager, din kode er {{code}}.',
      'Din bekræftelseskode er {{code}}. Jeg gentager, din kode er {{code}}.',
    ],
  },
  nb: {
    authentication: [
      '{{code}} er din bekreftelseskode for {{appName}}.',
      '{{code}} er din bekreftelseskode.',
    ],
    enrollment: [
      '{{code}} er koden for å bekrefte dette nummeret hos {{appName}}.',
      '{{code}} er koden for å bekrefte dette nummeret.',
    ],
    voice: [
      'Din bekreftelseskode for {{appName}} er {{code}}. Jeg gjentar, koden er {{code}}.',
      'Din bekreftelseskode er {{code}}. Jeg gjentar, koden er {{code}}.',
    ],
  },
  fi: {
    authentication: ['{{code}} on {{appName}}-vahvistuskoodisi.', '{{code}} on vahvistuskoodisi.'],
    enrollment: [
      '{{code}} on koodisi tämän puhelinnumeron vahvistamiseen palvelussa {{appName}}.',
      '{{code}} on koodisi tämän puhelinnumeron vahvistamiseen.',
    ],
    voice: [
      '{{appName}}-vahvistuskoodisi on {{code}}. Toistan, koodisi on {{code}}.',
      'Vahvistuskoodisi on {{code}}. Toistan, koodisi on {{code}}.',
    ],
  },
  tr: {
    authentication: ['{{appName}} doğrulama kodunuz: {{code}}', 'Doğrulama kodunuz: {{code}}'],
    enrollment: [
      '{{appName}} telefon numarası onay kodunuz: {{code}}',
      'Telefon numarası onay kodunuz: {{code}}',
    ],
    voice: [
      '{{appName}} doğrulama kodunuz {{code}}. Tekrar ediyorum, kodunuz {{code}}.',
      'Doğrulama kodunuz {{code}}. Tekrar ediyorum, kodunuz {{code}}.',
    ],
  },
  ru: {
    authentication: ['Ваш код подтверждения для {{appName}}: {{code}}', 'Ваш код подтверждения: {{code}}'],
    enrollment: [
      'Код для подтверждения номера в {{appName}}: {{code}}',
      'Код для подтверждения номера телефона: {{code}}',
    ],
    voice: [
      'Ваш код подтверждения для {{appName}}: {{code}}. Повторяю, ваш код: {{code}}.',
      'Ваш код подтверждения: {{code}}. Повторяю, ваш код: {{code}}.',
    ],
  },
  ar: {
    authentication: ['رمز التحقق الخاص بك في {{appName}} هو {{code}}', 'رمز التحقق الخاص بك هو {{code}}'],
    enrollment: ['رمز تأكيد رقم هاتفك في {{appName}} هو {{code}}', 'رمز تأكيد رقم هاتفك هو {{code}}'],
    voice: [
      'رمز التحقق الخاص بك في {{appName}} هو {{code}}. أكرر، الرمز هو {{code}}.',
      'رمز التحقق الخاص بك هو {{code}}. أكرر، الرمز هو {{code}}.',
    ],
  },
  hi: {
    authentication: ['{{appName}} के लिए आपका सत्यापन कोड {{code}} है।', 'आपका सत्यापन कोड {{code}} है।'],
    enrollment: [
      '{{appName}} पर फ़ोन नंबर की पुष्टि का कोड {{code}} है।',
      'फ़ोन नंबर की पुष्टि का आपका कोड {{code}} है।',
    ],
    voice: [
      '{{appName}} के लिए आपका सत्यापन कोड है {{code}}। फिर से, आपका कोड है {{code}}।',
      'आपका सत्यापन कोड है {{code}}। फिर से, आपका कोड है {{code}}।',
    ],
  },
  ja: {
    authentication: ['{{appName}}の確認コードは{{code}}です。', '確認コードは{{code}}です。'],
    enrollment: ['{{appName}}の電話番号確認コードは{{code}}です。', '電話番号の確認コードは{{code}}です。'],
    voice: [
      '{{appName}}の確認コードは、{{code}}です。繰り返します。確認コードは、{{code}}です。',
      '確認コードは、{{code}}です。繰り返します。確認コードは、{{code}}です。',
    ],
  },
  ko: {
    authentication: ['[{{appName}}] 인증번호는 {{code}}입니다.', '인증번호는 {{code}}입니다.'],
    enrollment: [
      '[{{appName}}] 전화번호 확인을 위한 인증번호는 {{code}}입니다.',
      '전화번호 확인을 위한 인증번호는 {{code}}입니다.',
    ],
    voice: [
      '{{appName}} 인증번호는 {{code}}입니다. 다시 한 번 알려 드립니다. 인증번호는 {{code}}입니다.',
      '인증번호는 {{code}}입니다. 다시 한 번 알려 드립니다. 인증번호는 {{code}}입니다.',
    ],
  },
  zh: {
    authentication: ['您的{{appName}}验证码是{{code}}。', '您的验证码是{{code}}。'],
    enrollment: ['您正在{{appName}}绑定手机号，验证码是{{code}}。', '您正在绑定手机号，验证码是{{code}}。'],
    voice: [
      '您的{{appName}}验证码是{{code}}。再说一遍，验证码是{{code}}。',
      '您的验证码是{{code}}。再说一遍，验证码是{{code}}。',
    ],
  },
} as const satisfies Record<string, LanguageTemplates>;

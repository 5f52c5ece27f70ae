/** libs/supervision's public surface for the app and other contexts: the domain, and the follow-up cases of 差评. */
export * from './domain';
export * from './feedback-cases';

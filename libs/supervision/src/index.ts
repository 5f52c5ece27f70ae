/** libs/supervision's public surface for the app and other contexts (the domain only, for now). */
export * from './domain';

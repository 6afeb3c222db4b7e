// E-mail: the outbox (written with the change that causes a message) and its delivery over SMTP.
export * from './deliver.ts';
export * from './mailer.ts';
export * from './outbox.repo.ts';

"""The platform's own pages: the status of any job, failed jobs and e-mails, a user's notifications."""

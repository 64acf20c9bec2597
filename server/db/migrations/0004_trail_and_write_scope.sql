CREATE TABLE `account_events` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`account_id` text NOT NULL,
	`user_id` text,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_events_account` ON `account_events` (`account_id`,`at`);--> statement-breakpoint
DROP INDEX `client_writes_team_id`;--> statement-breakpoint
ALTER TABLE `client_writes` ADD `user_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `client_writes` ADD `procedure` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `client_writes_scope` ON `client_writes` (`team_id`,`user_id`,`procedure`,`client_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `erased_at` integer;
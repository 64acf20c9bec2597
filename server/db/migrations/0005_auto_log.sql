CREATE TABLE `auto_log_skips` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auto_log_skips_key` ON `auto_log_skips` (`team_id`,`user_id`,`thread_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `auto_log` integer DEFAULT true NOT NULL;
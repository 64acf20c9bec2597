CREATE TABLE `web_forms` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`redirect_url` text,
	`origins` text DEFAULT '[]' NOT NULL,
	`owner_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `web_forms_key` ON `web_forms` (`key`);--> statement-breakpoint
CREATE INDEX `web_forms_team` ON `web_forms` (`team_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `kvk_number` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `phone` text;--> statement-breakpoint
CREATE INDEX `accounts_team_kvk` ON `accounts` (`team_id`,`kvk_number`);--> statement-breakpoint
CREATE INDEX `accounts_team_postcode` ON `accounts` (`team_id`,`postcode`);
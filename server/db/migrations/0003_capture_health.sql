CREATE TABLE `capture_health` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`layout` text NOT NULL,
	`version` text NOT NULL,
	`sources` text NOT NULL,
	`missing` text NOT NULL,
	`has_name` integer NOT NULL,
	`has_headline` integer NOT NULL,
	`has_company` integer NOT NULL,
	`has_location` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `capture_health_team_at` ON `capture_health` (`team_id`,`at`,`kind`,`layout`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `tagline` text;
DROP INDEX `accounts_team_lower_name`;--> statement-breakpoint
ALTER TABLE `accounts` ADD `name_key` text;--> statement-breakpoint
CREATE INDEX `accounts_name_key` ON `accounts` (`name_key`,`team_id`);
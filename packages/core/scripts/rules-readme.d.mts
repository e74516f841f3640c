export function rulesReadme(rules: readonly { id: string; category: string; defaultSeverity: string; fixable: string | false; description: string }[]): string;

export const formatNumber = (n: number) => new Intl.NumberFormat('en').format(n);

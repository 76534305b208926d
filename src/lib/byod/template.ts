/** The template a reader can fill in: one row per account you hired, for one campaign. */
export const TEMPLATE_CSV = [
  'handle,followers,reactions_per_post,cost,conversions,revenue,topics',
  'yoga_with_ana,12400,310,250,18,1440,yoga; meditation',
  'city_runner,86000,950,900,11,880,running; fitness',
  'chef_marco,430000,2600,3500,9,720,food; cooking',
  'popstar_official,5200000,41000,25000,14,1120,music; celebrity',
  '',
].join('\r\n');

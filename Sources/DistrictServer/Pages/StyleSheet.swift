/// The one style sheet of the pages: readable at 390 px wide and at 200% zoom (sizes in rem, one
/// column, nothing fixed), colours with at least 4.5:1 contrast (WCAG AA) for text and 3:1 for
/// focus rings and borders, and a visible focus on everything a keyboard reaches.
enum StyleSheet {
    static let path = "/assets/district.css"

    static let css = """
        :root { color-scheme: light; --text: #1b1b1b; --muted: #454545; --link: #0a4fa8; --accent: #0a4fa8;
          --good: #1d5f2c; --bad: #9b1c1c; --panel: #f3f4f6; --line: #6b6b6b; --focus: #b34700; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.125rem;
          line-height: 1.55; color: var(--text); background: #ffffff; overflow-wrap: anywhere; }
        header, main { max-width: 44rem; margin: 0 auto; padding: 0.75rem 1rem; }
        header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between;
          border-bottom: 1px solid var(--line); }
        header p { margin: 0; }
        .site { font-weight: 700; }
        .signed-in { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 0.75rem; }
        h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
        a { color: var(--link); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
        a:focus-visible, button:focus-visible, input:focus-visible, main:focus-visible, summary:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -9999px; top: 0; background: #ffffff; padding: 0.5rem 1rem; }
        .skip:focus { left: 0.5rem; z-index: 1; }
        button, .button { display: inline-block; font: inherit; font-weight: 600; min-height: 2.75rem; padding: 0.5rem 1.25rem;
          border-radius: 0.375rem; border: 2px solid var(--accent); background: var(--accent); color: #ffffff;
          text-decoration: none; cursor: pointer; }
        button.secondary, .button.secondary { background: #ffffff; color: var(--accent); }
        fieldset { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 1rem 1rem; margin: 1rem 0; }
        legend { font-weight: 700; padding: 0 0.25rem; }
        .option { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.6rem 0.5rem; border-radius: 0.375rem; }
        .option + .option { border-top: 1px solid #d0d0d0; }
        .option input { width: 1.35rem; height: 1.35rem; margin-top: 0.2rem; flex: none; }
        label { cursor: pointer; }
        input[type=text], input[type=password] { font: inherit; width: 100%; max-width: 24rem; padding: 0.5rem;
          border: 2px solid var(--line); border-radius: 0.375rem; }
        .field { margin: 0.75rem 0; }
        .field label { display: block; font-weight: 600; }
        .story { background: var(--panel); border-left: 4px solid var(--line); padding: 0.25rem 1rem; border-radius: 0.25rem; }
        .note { background: var(--panel); padding: 0.5rem 1rem; border-radius: 0.5rem; }
        .progress { color: var(--muted); }
        .good { color: var(--good); }
        .bad { color: var(--bad); }
        .alert { border: 2px solid var(--bad); padding: 0.5rem 1rem; border-radius: 0.5rem; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.25rem 0; }
        dl.facts dt { font-weight: 700; }
        dl.facts dd { margin: 0 0 0.5rem 0; }
        .table { overflow-x: auto; margin: 1rem 0; }
        .table:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        table { border-collapse: collapse; min-width: 100%; }
        caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line);
          overflow-wrap: normal; }
        .chart { margin: 1rem 0; overflow-x: auto; }
        .chart:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .chart svg { display: block; width: 100%; min-width: 40rem; height: auto; }
        select { font: inherit; max-width: 100%; padding: 0.5rem; border: 2px solid var(--line); border-radius: 0.375rem; }
        """
}

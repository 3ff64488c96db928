extension LabelLexicon {
    static let amountLabels: [LabelKind: LabelPhrases] = [
        .grandTotal: LabelPhrases(specific: [
            // en
            "Grand total", "Invoice total", "Total amount", "Total incl. VAT", "Total including VAT", "Total incl. tax",
            "Total including tax", "Total inc. VAT", "Total (incl. VAT)", "Total gross", "Gross total", "Gross amount",
            "Total invoice amount", "Invoice amount", "Total value", "Total with VAT", "Total USD", "Total EUR", "Total GBP",
            // de
            "Gesamtbetrag", "Gesamtsumme", "Rechnungsbetrag", "Rechnungssumme", "Bruttobetrag", "Summe brutto", "Gesamt brutto",
            "Endbetrag", "Bruttosumme", "Gesamtbetrag brutto", "Rechnungsbetrag brutto", "Gesamt inkl. MwSt.", "Summe inkl. MwSt.",
            "Betrag inkl. MwSt.", "Total inkl. MwSt.", "Gesamt (brutto)", "Brutto", "Endsumme", "Rechnungsendbetrag",
            "Rechnungsbetrag gesamt",
            // fr
            "Total TTC", "Montant TTC", "Total toutes taxes comprises", "Montant total", "Montant total TTC", "Total facture",
            "Montant de la facture", "Total T.T.C.", "Net TTC", "TTC", "Total TVAC", "Montant TVAC", "TVAC",
            "Total TVA comprise", "Total TVA incluse",
            // nl
            "Totaal", "Totaalbedrag", "Totaal incl. btw", "Totaal inclusief btw", "Factuurbedrag", "Totaal te betalen incl. btw",
            "Totaal bedrag", "Bedrag incl. btw", "Eindtotaal",
            // sv
            "Totalt", "Totalbelopp", "Summa inkl. moms", "Fakturabelopp", "Totalt inkl. moms", "Summa att betala inkl. moms",
            "Belopp inkl. moms", "Totalsumma",
            // es
            "Total factura", "Importe total", "Total con IVA", "Total (IVA incluido)", "Total IVA incluido", "Importe factura",
            "Total importe",
            // it
            "Totale", "Totale fattura", "Totale documento", "Importo totale", "Totale ivato", "Totale IVA inclusa",
            "Totale complessivo", "Importo fattura",
            // da, nb
            "I alt", "Total inkl. moms", "Beløb i alt", "I alt inkl. moms", "Totalbeløb", "Fakturabeløb", "Sum inkl. mva",
            "Totalt inkl. mva", "Totalbeløp", "Fakturabeløp", "Sum inkl. moms",
            // pt
            "Total c/ IVA", "Valor total", "Total da fatura", "Total com IVA", "Total documento", "Total geral",
            // pl
            "Wartość brutto", "Razem brutto", "Kwota brutto", "Suma brutto", "Ogółem brutto", "Ogółem",
            "Total", "Summe", "Gesamt", "Summa",
        ], generic: ["Amount", "Betrag", "Montant", "Bedrag", "Belopp", "Importe", "Importo"]),
        .amountDue: LabelPhrases(specific: [
            "Amount due", "Balance due", "Total due", "Total amount due", "Total amount payable", "Grand total due",
            "Montant net à payer", "Att betala totalt", "Totale a pagare", "Amount payable", "Total payable", "Balance", "Amount to pay",
            "Please pay", "Remaining balance", "Outstanding", "Outstanding amount", "Amount outstanding", "Total to pay",
            "Zahlbetrag", "Zu zahlen", "Zu zahlender Betrag", "Offener Betrag", "Restbetrag", "Noch zu zahlen",
            "Verbleibender Betrag", "Zahlungsbetrag", "Offen",
            "Net à payer", "Reste à payer", "Montant dû", "À payer", "Solde", "Solde dû", "Montant à payer", "Total à payer",
            "Te betalen", "Openstaand bedrag", "Nog te betalen", "Totaal te betalen", "Te voldoen",
            "Att betala", "Kvar att betala", "Summa att betala", "Belopp att betala",
            "Total a pagar", "Importe pendiente", "A pagar", "Importe a pagar", "Saldo", "Saldo pendiente", "Total pendiente",
            "Netto a pagare", "Totale da pagare", "Da pagare", "Saldo da pagare", "Importo da pagare",
            "At betale", "Til betaling", "Beløb til betaling", "Å betale", "Beløp å betale", "Sum å betale",
            "Valor a pagar", "Valor em dívida", "Montante a pagar",
            "Do zapłaty", "Pozostało do zapłaty", "Razem do zapłaty",
        ]),
        .subtotal: LabelPhrases(specific: [
            // en
            "Subtotal", "Sub-total", "Sub total", "Net total", "Total net", "Total excl. VAT", "Total excluding VAT",
            "Total excl. tax", "Total excluding tax", "Total before tax", "Net amount", "Amount excl. VAT", "Total (excl. VAT)",
            "Taxable amount", "Total ex VAT", "Total ex. VAT", "Net value", "Total net amount", "Total before VAT", "Net",
            "Goods total", "Total goods", "Goods value", "Net goods", "Excl. VAT", "Amount excl. tax",
            "Amount before tax", "Amount before VAT", "Total before sales tax", "Net value of goods",
            // de
            "Zwischensumme", "Nettobetrag", "Summe netto", "Netto", "Gesamt netto", "Nettosumme", "Rechnungsbetrag netto",
            "Summe ohne MwSt.", "Gesamtbetrag netto", "Warenwert", "Nettowarenwert", "Gesamt (netto)", "Summe (netto)",
            "Betrag netto", "Netto gesamt", "Zwischensumme netto",
            // fr
            "Sous-total", "Total HT", "Montant HT", "Sous-total HT", "Total hors taxes", "Montant hors taxes", "Total H.T.",
            "Base HT", "Total net HT", "Net HT", "HT", "Montant net HT", "Total HTVA", "Montant HTVA", "HTVA", "Total hors TVA",
            // nl
            "Subtotaal", "Totaal excl. btw", "Totaal exclusief btw", "Netto bedrag", "Nettobedrag", "Bedrag excl. btw",
            "Totaal excl btw", "Subtotaal excl. btw", "Totaal netto",
            // sv
            "Summa exkl. moms", "Belopp exkl. moms", "Delsumma", "Summa exklusive moms", "Nettobelopp", "Totalt exkl. moms",
            "Netto", "Summa netto",
            // es
            "Base imponible", "Importe neto", "Total sin IVA", "Subtotal sin IVA", "Base", "Neto", "Total neto",
            // it
            "Imponibile", "Totale imponibile", "Subtotale", "Totale netto", "Imponibile totale", "Totale imponibile IVA",
            // da, nb
            "Beløb ekskl. moms", "Nettobeløb", "I alt ekskl. moms", "Total ekskl. moms", "Sum ekskl. moms",
            "Sum eks. mva", "Beløp eks. mva", "Nettobeløp", "Sum ekskl. mva", "Totalt eks. mva",
            // pt
            "Total ilíquido", "Base tributável", "Valor sem IVA", "Total sem IVA", "Incidência", "Base de incidência",
            "Valor líquido", "Total líquido",
            // pl
            "Wartość netto", "Razem netto", "Suma netto", "Kwota netto",
        ], generic: ["Goods"]),   // `Goods` heads a UK totals block, or a column elsewhere
        .taxTotal: LabelPhrases(specific: [
            "Total VAT", "VAT total", "Total tax", "Tax total", "VAT amount", "Tax amount", "Total sales tax", "Sales tax",
            "Amount of VAT", "Total VAT amount",
            "Summe MwSt.", "Gesamt MwSt.", "MwSt.-Betrag", "USt.-Betrag", "Steuerbetrag", "Umsatzsteuerbetrag", "Summe USt.",
            "MwSt. gesamt", "USt. gesamt", "Mehrwertsteuerbetrag", "Summe Umsatzsteuer",
            "Total TVA", "Montant TVA", "Montant de la TVA", "TVA totale", "Total de la TVA",
            "Totaal btw", "Btw-bedrag", "Bedrag btw", "Totaal BTW", "Btw totaal",
            "Summa moms", "Momsbelopp", "Total moms", "Moms totalt", "Totalt moms",
            "Total IVA", "Cuota IVA", "Importe IVA", "Cuota total IVA", "IVA total",
            "Totale IVA", "Importo IVA", "Totale imposta", "Imposta",
            "Moms i alt", "Momsbeløb", "Sum mva", "Merverdiavgift", "Mva-beløp", "Sum moms",
            "Valor do IVA", "Total do IVA",
            "Kwota VAT", "Razem VAT", "Suma VAT", "Podatek VAT",
        ]),
        .tax: LabelPhrases(specific: [
            "VAT", "Tax", "MwSt.", "MWST", "USt.", "Umsatzsteuer", "Mehrwertsteuer", "TVA", "BTW", "Moms", "IVA", "Cuota",
            "darin enthaltene MwSt.", "enthaltene MwSt.", "inkl. MwSt.", "enthaltene USt.", "darin enthalten",
            "includes VAT", "VAT included", "incl. VAT", "of which VAT", "dont TVA", "TVA incluse", "waarvan btw",
            "inclusief btw", "varav moms", "inkl. moms", "de los cuales IVA", "IVA incluido", "incluye IVA", "di cui IVA",
            "IVA inclusa",
            "zzgl. MwSt.", "zzgl. USt.", "zzgl.", "plus VAT", "+ VAT", "GST", "Steuer", "Add VAT",
            "Mva", "Podatek",
        ]),
        .deposit: LabelPhrases(specific: [
            "Deposit", "Prepayment", "Advance payment", "Paid", "Already paid", "Less deposit", "Amount paid", "Payment received",
            "Deposit paid", "Less prepayment", "Payments",
            "Anzahlung", "Abzüglich Anzahlung", "Bereits bezahlt", "Vorauszahlung", "Geleistete Anzahlung", "Abschlagszahlung",
            "Erhaltene Anzahlung", "Bezahlt",
            "Acompte", "Acompte versé", "Déjà payé", "Déjà réglé", "Avance", "Acompte reçu",
            "Aanbetaling", "Reeds betaald", "Vooruitbetaling", "Betaald", "Voorschot",
            "Förskott", "Redan betalt", "Erlagt förskott", "Förskottsbetalning", "Betalt", "Avgår förskott",
            "Anticipo", "Anticipo pagado", "Ya pagado", "Pago a cuenta", "Pagado", "Entrega a cuenta",
            "Acconto", "Già pagato", "Acconto versato", "Pagato",
            "Paid to date", "Deposit received", "Payments/credits", "Less payments", "Payments received", "Credits",
            "Forudbetalt", "Acontobetaling", "Aconto", "Betalt", "Forskudd", "Innbetalt forskudd", "Forskuddsbetaling",
            "Adiantamento", "Pagamento antecipado", "Sinal",
            "Zaliczka", "Zapłacono", "Wpłacono",
        ]),
        .taxRate: LabelPhrases(specific: [
            "VAT rate", "Tax rate", "Rate", "MwSt.-Satz", "USt.-Satz", "Steuersatz", "Taux TVA", "Taux",
            "Taux de TVA", "Btw-tarief", "Tarief", "Momssats", "Tipo IVA", "Tipo",
            "Aliquota", "Aliquota IVA", "Cod. IVA",
            "Momssats", "Mva-sats", "Taxa IVA", "Taxa", "Stawka VAT", "Stawka",
        ]),
    ]
}

//! A customer list brought in from a file, as the window shows it: each column with its
//! first values and the field it goes to (guessed, then chosen), the customers it adds, the
//! rows it leaves out and why; then the import.

use caseback_domain::customer_import::{CustomerImportPlan, Field, ImportedCustomer, Mapping};
use caseback_domain::staff::StaffId;
use caseback_store::Shop;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::csv_file::{self, CsvFile};
use crate::error::Result;
use crate::Desk;

/// How many of the customers to add the preview lists (the counts cover them all).
const PREVIEW_ROWS: usize = 50;

#[derive(Serialize)]
pub struct ImportColumn {
    pub index: usize,
    pub header: String,
    /// The column's first few values, to tell what it holds.
    pub samples: Vec<String>,
    pub field: Field,
}

#[derive(Serialize)]
pub struct ImportedRow {
    pub line: usize,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// "Seiko 4R35-01T0", when the row records a watch.
    pub watch: Option<String>,
}

#[derive(Serialize)]
pub struct LeftOutRow {
    pub line: usize,
    pub reason: String,
}

#[derive(Serialize)]
pub struct CustomerImportView {
    pub columns: Vec<ImportColumn>,
    pub fields: Vec<Choice>,
    /// Why the columns chosen cannot be imported, if so (the rows then wait for it).
    pub mapping_problem: Option<String>,
    pub rows: Vec<ImportedRow>,
    pub added: usize,
    pub left_out: Vec<LeftOutRow>,
    /// "3 customers added (1 with a watch), 2 rows left out".
    pub summary: String,
}

fn rows_of(file: &CsvFile, mapping: &Mapping) -> Vec<(usize, std::result::Result<ImportedCustomer, String>)> {
    file.rows.iter().map(|(line, cells)| (*line, mapping.row(cells))).collect()
}

fn view(
    file: &CsvFile,
    mapping: &Mapping,
    plan: Option<&CustomerImportPlan>,
    problem: Option<String>,
) -> CustomerImportView {
    let columns = file
        .header
        .iter()
        .enumerate()
        .map(|(index, header)| ImportColumn {
            index,
            header: header.clone(),
            samples: file
                .rows
                .iter()
                .filter_map(|(_, r)| r.get(index).map(|c| c.trim().to_string()).filter(|c| !c.is_empty()))
                .take(3)
                .collect(),
            field: mapping.0.get(index).copied().unwrap_or(Field::Ignore),
        })
        .collect();
    let empty = CustomerImportPlan::default();
    let plan = plan.unwrap_or(&empty);
    let n =
        |count: usize, one: &str, many: &str| if count == 1 { format!("1 {one}") } else { format!("{count} {many}") };
    let watches = plan.added.iter().filter(|(_, c)| c.watch.is_some()).count();
    let summary = format!(
        "{} added ({} with a watch), {} left out",
        n(plan.added.len(), "customer", "customers"),
        watches,
        n(plan.left_out.len(), "row", "rows")
    );
    CustomerImportView {
        columns,
        fields: choices(&Field::ALL, Field::label),
        mapping_problem: problem,
        rows: plan
            .added
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(line, c)| ImportedRow {
                line: *line,
                name: c.details.name.clone(),
                phone: c.details.phone.clone(),
                email: c.details.email.clone(),
                watch: c.watch.as_ref().map(|w| format!("{} {}", w.brand, w.serial)),
            })
            .collect(),
        added: plan.added.len(),
        left_out: plan.left_out.iter().map(|l| LeftOutRow { line: l.line, reason: l.reason.clone() }).collect(),
        summary,
    }
}

fn preview(shop: &Shop, text: &str, mapping: Option<Mapping>) -> Result<CustomerImportView> {
    let file = csv_file::read(text)?;
    let mut mapping = mapping.unwrap_or_else(|| Mapping::guess(&file.header));
    mapping.0.resize(file.header.len(), Field::Ignore);
    match mapping.checked() {
        Ok(_) => {
            let plan = shop.plan_customer_import(rows_of(&file, &mapping))?;
            Ok(view(&file, &mapping, Some(&plan), None))
        }
        Err(e) => Ok(view(&file, &mapping, None, Some(e.to_string()))),
    }
}

impl Desk {
    /// What importing this CSV text would do with these columns (guessed when none are given).
    pub fn preview_customer_import(&mut self, text: &str, mapping: Option<Mapping>) -> Result<CustomerImportView> {
        let (shop, _) = self.at()?;
        preview(shop, text, mapping)
    }

    /// Imports the customers this CSV text adds with these columns, all together.
    pub fn import_customers(
        &mut self,
        by: StaffId,
        file: &str,
        text: &str,
        mapping: Mapping,
    ) -> Result<CustomerImportView> {
        let (shop, now) = self.at()?;
        let csv = csv_file::read(text)?;
        let mut mapping = mapping;
        mapping.0.resize(csv.header.len(), Field::Ignore);
        mapping.checked()?;
        let name = caseback_domain::text::single_line("file", file, 200)?;
        let plan = shop.import_customers(by, &name, rows_of(&csv, &mapping), now)?;
        Ok(view(&csv, &mapping, Some(&plan), None))
    }
}
